-- Voices' text search: a full-text index of the customer comments (word match, Porter stems: "wait" finds "waited",
-- "refunds" finds "refund"). Contentless: it keeps the index, not a second copy of the text. Its rowid is the feedback
-- id; its workspace column holds one token per workspace ("w1") so that a match is counted within one workspace from
-- the index alone. The import does not write it (that would cost the import about a fifth of its time): the server
-- indexes what was imported since the mark kept in workspace_setting (search_indexed_through), a batch per
-- transaction, and until it has caught up a search reads the texts as before.
CREATE VIRTUAL TABLE feedback_search USING fts5(
    workspace, text,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
