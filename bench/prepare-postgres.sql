-- The benchmark's posts: schema bench, 1000 rows, recreated by run.sh before the servers start (they only read).
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
CREATE TABLE bench.posts (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(50) NOT NULL,
    content    TEXT NOT NULL,
    draft      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL
);
INSERT INTO bench.posts (title, content, draft, created_at)
SELECT 'Post ' || i, 'Content of post ' || i || ', long enough to look like a post.', i % 10 = 0,
       TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 minute'
FROM generate_series(1, 1000) AS i;
CREATE INDEX posts_created_at ON bench.posts (created_at DESC, id);
ANALYZE bench.posts;
