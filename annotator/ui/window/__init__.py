"""The window itself: the application, the main window, file actions and backups."""
