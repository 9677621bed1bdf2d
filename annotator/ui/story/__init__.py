"""The Story tab: claims across articles, its model and the same-claim layer."""
