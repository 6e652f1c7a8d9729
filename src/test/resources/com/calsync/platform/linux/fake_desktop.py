"""A small desktop on a private D-Bus session for CalSync's Linux tests (dbus-python + GLib).

Options:
  --notifications [--markup]  own org.freedesktop.Notifications; print each Notify call's
                              arguments as one JSON line; announce "body-markup" with --markup
  --portal N                  own org.freedesktop.portal.Desktop; Settings.Read answers
                              org.freedesktop.appearance color-scheme = N (as the real portal
                              does: a variant inside a variant)
Prints "ready" once its names are owned. On stdin, "scheme N" changes the colour scheme and
emits Settings.SettingChanged, as a desktop does when the user switches.
"""
import argparse
import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NOTIFICATIONS = "org.freedesktop.Notifications"
PORTAL = "org.freedesktop.portal.Desktop"
SETTINGS = "org.freedesktop.portal.Settings"
APPEARANCE = "org.freedesktop.appearance"


def emit(record):
    print(json.dumps(record), flush=True)


class Notifications(dbus.service.Object):
    def __init__(self, bus, markup):
        super().__init__(bus, "/org/freedesktop/Notifications")
        self.markup = markup
        self.next_id = 0

    @dbus.service.method(NOTIFICATIONS, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):
        self.next_id += 1
        emit({"call": "Notify", "app_name": str(app_name), "replaces_id": int(replaces_id),
              "app_icon": str(app_icon), "summary": str(summary), "body": str(body),
              "actions": [str(a) for a in actions], "hints": sorted(str(k) for k in hints),
              "expire_timeout": int(expire_timeout)})
        return dbus.UInt32(self.next_id)

    @dbus.service.method(NOTIFICATIONS, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return dbus.Array(["body", "body-markup"] if self.markup else ["body"], signature="s")

    @dbus.service.method(NOTIFICATIONS, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("fake-desktop", "CalSync tests", "1", "1.2")

    @dbus.service.method(NOTIFICATIONS, in_signature="u", out_signature="")
    def CloseNotification(self, notification_id):
        pass


class Portal(dbus.service.Object):
    def __init__(self, bus, scheme):
        super().__init__(bus, "/org/freedesktop/portal/desktop")
        self.scheme = scheme

    @dbus.service.method(SETTINGS, in_signature="ss", out_signature="v")
    def Read(self, namespace, key):
        if namespace == APPEARANCE and key == "color-scheme":
            return dbus.UInt32(self.scheme, variant_level=2)
        raise dbus.exceptions.DBusException("no such setting", name="org.freedesktop.portal.Error.NotFound")

    @dbus.service.signal(SETTINGS, signature="ssv")
    def SettingChanged(self, namespace, key, value):
        pass

    def switch(self, scheme):
        self.scheme = scheme
        self.SettingChanged(APPEARANCE, "color-scheme", dbus.UInt32(scheme, variant_level=1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notifications", action="store_true")
    parser.add_argument("--markup", action="store_true")
    parser.add_argument("--portal", type=int)
    args = parser.parse_args()

    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    keep = []
    portal = None
    if args.notifications:
        keep.append(dbus.service.BusName(NOTIFICATIONS, bus))
        keep.append(Notifications(bus, args.markup))
    if args.portal is not None:
        keep.append(dbus.service.BusName(PORTAL, bus))
        portal = Portal(bus, args.portal)
        keep.append(portal)
    loop = GLib.MainLoop()

    def command(source, condition):
        line = sys.stdin.readline()
        if not line:
            loop.quit()
            return False
        words = line.split()
        if words[:1] == ["scheme"] and portal is not None:
            portal.switch(int(words[1]))
            emit({"call": "switched", "scheme": int(words[1])})
        return True

    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, command)
    emit({"call": "ready"})
    loop.run()


if __name__ == "__main__":
    main()
