-- Fills a migrated database (with the starting content) up to 10,000 exercises and 1,000,000 responses, with tags
-- in several scripts and initiative links, in one transaction of batched set-based inserts.
PRAGMA synchronous = OFF;
BEGIN;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO Exercises (Number, Title, Slug, BodyMarkdown, BodyIsExcerpt, PublishedOn, SourceUrl, ResponsesOpen, CreatedUtc, UpdatedUtc, EditedFields)
SELECT 1000 + i,
       'Generated exercise ' || i,
       'generated-exercise-' || i,
       'Libraries work best when they share what they learn. This is generated exercise ' || i || ', written to measure the site with many exercises.' || char(10) || char(10) ||
       'So for this exercise, talk to a colleague in another library about exercise #' || (1000 + ((i * 7) % 10000)) || '.',
       0,
       date('2020-05-01', '+' || (i % 800) || ' days'),
       'https://blogs.ifla.org/lpa/generated/' || i,
       1,
       '2026-01-01 00:00:00',
       '2026-01-01 00:00:00',
       0
FROM n;

INSERT INTO Tags (Name, Slug) VALUES
  ('generated', 'generated'), ('advocacy', 'advocacy'), ('مكتبات', 'مكتبات'), ('图书馆', '图书馆'),
  ('библиотеки', 'библиотеки'), ('bibliothèques', 'bibliothèques')
ON CONFLICT(Slug) DO NOTHING;

INSERT INTO ExerciseTag (ExerciseId, TagId)
SELECT e.Id, t.Id FROM Exercises e JOIN Tags t
  ON t.Slug = CASE (e.Number % 6) WHEN 0 THEN 'generated' WHEN 1 THEN 'advocacy' WHEN 2 THEN 'مكتبات' WHEN 3 THEN '图书馆' WHEN 4 THEN 'библиотеки' ELSE 'bibliothèques' END
WHERE e.Number > 1000;

-- Every generated exercise also carries the starting content's tag, so that the measured tag page lists thousands.
INSERT INTO ExerciseTag (ExerciseId, TagId)
SELECT e.Id, t.Id FROM Exercises e JOIN Tags t ON t.Slug = 'community-engagement'
WHERE e.Number > 1000 AND e.Number % 3 = 0;

INSERT INTO ExerciseInitiatives (ExerciseId, KeyInitiativeId, PublishedLabel, LabelDisagrees)
SELECT e.Id, k.Id, k.Code || ' ' || k.Name, 0
FROM Exercises e
JOIN (SELECT Id, Code, Name, ROW_NUMBER() OVER (ORDER BY Id) - 1 AS Position FROM KeyInitiatives) k ON k.Position = e.Number % 16
WHERE e.Number > 1000;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO Responses (ExerciseId, DisplayName, Organisation, CountryCode, BodyMarkdown, DidExercise, Status, HoldReason, ClientHash, FormNonce, CreatedUtc)
SELECT (SELECT Id FROM Exercises WHERE Number = 1001 + (i % 10000)),
       'Librarian ' || i,
       'Library ' || (i % 997),
       'FR',
       'We tried this with our team and it worked well. Response number ' || i || ' of the generated set.',
       i % 2,
       CASE WHEN i % 50 = 0 THEN 'Held' WHEN i % 97 = 0 THEN 'Spam' ELSE 'Published' END,
       NULL,
       NULL,
       NULL,
       datetime('2026-01-01', '+' || (i % 300000) || ' seconds')
FROM n;

COMMIT;
PRAGMA optimize;
