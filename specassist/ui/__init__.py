"""The Qt desktop front end. Widgets call services only."""
