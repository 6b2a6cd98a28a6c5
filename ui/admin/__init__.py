"""Admin and helper screens (DESIGN §8). Widgets only: kiosk/admin.py supplies the data
and acts on their signals; nothing here touches the disk or the network."""
