"""The content generation: a site-wide number bumped whenever anything a page may show changes.

Everything kept across requests (the page cache, shared parts of members' pages, the facts in
`memo`, who may see which restriction) is kept under the generation it was worked out in, so a
change shows at once everywhere without knowing which kept thing it touched. This is the
bottom layer: `access` and `pagecache` both build on it, and it imports neither."""
