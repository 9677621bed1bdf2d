"""Qt-free core: the project file, import, segmentation, statistics and export."""
