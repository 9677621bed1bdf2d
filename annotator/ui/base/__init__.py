"""What every room of the window may use: the project session, background work, error reporting, the keymap and keyboard help, plain-text helpers, colour swatches, lazy tabs and sorted rows."""
