/**
 * What the menu-bar app shows and what its controls ask for, free of JavaFX and AWT: the
 * immutable {@link com.calsync.ui.model.AppView} the service side publishes, the tray's
 * {@link com.calsync.ui.model.TrayState}, {@link com.calsync.ui.model.Notice}s, the
 * {@link com.calsync.ui.model.PopoverActions} the tray and the popover both trigger, and how
 * times read. {@code ui.tray} and {@code ui.popover} render it; {@code ui} wires them.
 */
package com.calsync.ui.model;
