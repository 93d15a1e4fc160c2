-- Voices' text search: a full-text (GIN) index of the customer comments' English stems ("wait" finds "waited",
-- "refunds" finds "refund"), kept current by PostgreSQL itself as rows are written. Queries must name the same
-- expression, to_tsvector('english', text), and the same conditions for the index to serve them.
CREATE INDEX IF NOT EXISTS feedback_text_search ON feedback USING gin (to_tsvector('english', text))
    WHERE subject = 'customer' AND text IS NOT NULL;
