"""Policy packs: loading, validation, signing and the checks they enable."""
