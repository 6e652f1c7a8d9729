package com.calsync.autostart;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;

/**
 * macOS: a per-user LaunchAgent, {@code ~/Library/LaunchAgents/com.calsync.daemon.plist}.
 * launchd starts it at login (RunAtLoad) and again after a crash (KeepAlive with
 * SuccessfulExit=false: a clean quit stays quit). From the .app it runs the bundle's own
 * launcher, so macOS attributes calendar access to CalSync rather than to {@code java}.
 *
 * <p>Only the file is written: loading it now ({@code launchctl bootstrap}) would start a second
 * copy next to the running one, and unloading ({@code bootout}) would kill the app that asked.
 * launchd reads the folder at the next login.
 */
public final class LaunchAgentLoginItem implements LoginItem {
    public static final String LABEL = "com.calsync.daemon";
    /** The bundle id in packaging/macos/Info.plist; lets Login Items settings show the app. */
    static final String BUNDLE_ID = "com.calsync.app";

    private final Path plist;
    private final LaunchCommand launchCommand;

    /**
     * @param userHome      the user's home folder ({@code ~})
     * @param launchCommand how to start this CalSync
     */
    public LaunchAgentLoginItem(Path userHome, LaunchCommand launchCommand) {
        this.plist = userHome.resolve("Library/LaunchAgents").resolve(LABEL + ".plist");
        this.launchCommand = launchCommand;
    }

    /** The file this login item lives in. */
    public Path plistFile() {
        return plist;
    }

    /** The command launchd runs: the app's launcher (tray) from a bundle, else {@code java -jar … daemon}. */
    List<String> command() {
        return launchCommand.packagedApp() ? launchCommand.trayApp() : launchCommand.daemon();
    }

    @Override
    public LoginItemStatus status() {
        if (!Files.isRegularFile(plist)) {
            return new LoginItemStatus(false, "LaunchAgent", Optional.of(plist), List.of());
        }
        List<String> installed;
        try {
            installed = programArguments(Files.readString(plist));
        } catch (IOException | XMLStreamException e) {
            installed = List.of();
        }
        return new LoginItemStatus(true, "LaunchAgent", Optional.of(plist), installed);
    }

    @Override
    public LoginItemStatus install() throws IOException {
        FileReplacement.write(plist, plistText());
        return status();
    }

    @Override
    public LoginItemStatus uninstall() throws IOException {
        Files.deleteIfExists(plist);
        return status();
    }

    /** The property list launchd reads. */
    String plistText() {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                    + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">");
            xml.writeCharacters("\n");
            xml.writeStartElement("plist");
            xml.writeAttribute("version", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("dict");
            key(xml, "Label");
            string(xml, LABEL);
            key(xml, "ProgramArguments");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("array");
            for (String arg : command()) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("string");
                xml.writeCharacters(arg);
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            key(xml, "RunAtLoad");
            bool(xml, true);
            key(xml, "KeepAlive");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("dict");
            xml.writeCharacters("\n    ");
            xml.writeStartElement("key");
            xml.writeCharacters("SuccessfulExit");
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("false");
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            // a crash loop should not spin: launchd waits this long between starts
            key(xml, "ThrottleInterval");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("integer");
            xml.writeCharacters("30");
            xml.writeEndElement();
            key(xml, "ProcessType");
            string(xml, "Interactive");
            if (launchCommand.packagedApp()) {
                // the menu-bar app needs the user's GUI session
                key(xml, "LimitLoadToSessionType");
                string(xml, "Aqua");
                key(xml, "AssociatedBundleIdentifiers");
                string(xml, BUNDLE_ID);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the LaunchAgent property list", e);
        }
        return text.toString();
    }

    private static void key(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("key");
        xml.writeCharacters(name);
        xml.writeEndElement();
    }

    private static void string(XMLStreamWriter xml, String value) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("string");
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void bool(XMLStreamWriter xml, boolean value) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeEmptyElement(value ? "true" : "false");
    }

    /** The strings of the array after the ProgramArguments key. */
    static List<String> programArguments(String plistText) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(plistText));
        List<String> args = new ArrayList<>();
        boolean afterKey = false;
        boolean inArray = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("key")) {
                    afterKey = r.getElementText().equals("ProgramArguments");
                } else if (afterKey && name.equals("array")) {
                    inArray = true;
                } else if (inArray && name.equals("string")) {
                    args.add(r.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && inArray && r.getLocalName().equals("array")) {
                return args;
            }
        }
        return args;
    }
}
