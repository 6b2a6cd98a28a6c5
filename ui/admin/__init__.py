"""Admin and helper screens: the pages, and the controller (ui/admin/controller.py) that
fills them and acts on their signals. Disk and network work runs on the admin's own
threads, never on the GUI thread."""
