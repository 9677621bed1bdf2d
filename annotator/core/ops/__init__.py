"""Operations: every change a user makes to a project, as an object that applies and reverts itself.

Each operation calls the store and returns a Changes value; the window runs it through one session
method that records it for undo and tells every view what changed (Anki's CollectionOp / OpChanges).
"""
