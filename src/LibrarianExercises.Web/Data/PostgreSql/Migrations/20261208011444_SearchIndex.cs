using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The full-text index (Services/Search/PostgreSqlSearchIndex): exercises' title, text and labels and published
    /// responses' text, as the app makes it, each with a weighted tsvector and a GIN index. The <c>librarian</c>
    /// configuration is <c>simple</c> (no stemming, no stop words: the site serves seven languages) with accents folded,
    /// so "bibliotheque" finds "Bibliothèque". Triggers queue every change, whoever writes it; the app indexes the queue.
    /// No model change: the tables are read by raw SQL, as SQLite's FTS5 tables are.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql(
                """
                CREATE TEXT SEARCH CONFIGURATION librarian (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION librarian
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                    WITH unaccent, simple;
                """);

            // to_tsvector with a named configuration is immutable, so the vectors are stored columns.
            migrationBuilder.Sql(
                """
                CREATE TABLE "ExerciseSearch" (
                    "ExerciseId" integer PRIMARY KEY REFERENCES "Exercises" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Body" text NOT NULL,
                    "Labels" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('librarian', "Title"), 'A')
                        || setweight(to_tsvector('librarian', "Labels"), 'B')
                        || setweight(to_tsvector('librarian', "Body"), 'D')) STORED);
                CREATE INDEX "IX_ExerciseSearch_Document" ON "ExerciseSearch" USING gin ("Document");

                CREATE TABLE "ResponseSearch" (
                    "ResponseId" integer PRIMARY KEY REFERENCES "Responses" ("Id") ON DELETE CASCADE,
                    "Body" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (to_tsvector('librarian', "Body")) STORED);
                CREATE INDEX "IX_ResponseSearch_Document" ON "ResponseSearch" USING gin ("Document");

                CREATE TABLE "SearchIndexState" ("Name" text PRIMARY KEY, "Value" text NOT NULL);

                CREATE TABLE "SearchIndexQueue" ("Kind" text NOT NULL, "Id" integer NOT NULL, PRIMARY KEY ("Kind", "Id"));
                """);

            // What to index again: an exercise whose title, text, tags or initiatives changed ('E'), a response
            // published, changed or withdrawn ('R'). Deleted rows leave the index by the cascading keys.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION "SearchIndexQueue_Exercise"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchIndexQueue" VALUES ('E', NEW."Id") ON CONFLICT DO NOTHING;
                    PERFORM pg_notify('librarian_search', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ExerciseSearch_Changed" AFTER INSERT OR UPDATE OF "Title", "BodyMarkdown" ON "Exercises"
                    FOR EACH ROW EXECUTE FUNCTION "SearchIndexQueue_Exercise"();

                CREATE FUNCTION "SearchIndexQueue_Link"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        INSERT INTO "SearchIndexQueue" VALUES ('E', OLD."ExerciseId") ON CONFLICT DO NOTHING;
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "SearchIndexQueue" VALUES ('E', NEW."ExerciseId") ON CONFLICT DO NOTHING;
                    END IF;
                    PERFORM pg_notify('librarian_search', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ExerciseSearch_TagLinks" AFTER INSERT OR UPDATE OR DELETE ON "ExerciseTag"
                    FOR EACH ROW EXECUTE FUNCTION "SearchIndexQueue_Link"();
                CREATE TRIGGER "ExerciseSearch_InitiativeLinks" AFTER INSERT OR DELETE OR UPDATE OF "ExerciseId", "KeyInitiativeId" ON "ExerciseInitiatives"
                    FOR EACH ROW EXECUTE FUNCTION "SearchIndexQueue_Link"();

                CREATE FUNCTION "SearchIndexQueue_TagRenamed"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchIndexQueue" SELECT 'E', "ExerciseId" FROM "ExerciseTag" WHERE "TagId" = NEW."Id" ON CONFLICT DO NOTHING;
                    PERFORM pg_notify('librarian_search', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ExerciseSearch_TagRenamed" AFTER UPDATE OF "Name" ON "Tags"
                    FOR EACH ROW EXECUTE FUNCTION "SearchIndexQueue_TagRenamed"();

                CREATE FUNCTION "SearchIndexQueue_InitiativeRenamed"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchIndexQueue" SELECT 'E', "ExerciseId" FROM "ExerciseInitiatives" WHERE "KeyInitiativeId" = NEW."Id" ON CONFLICT DO NOTHING;
                    PERFORM pg_notify('librarian_search', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ExerciseSearch_InitiativeRenamed" AFTER UPDATE OF "Name" ON "KeyInitiatives"
                    FOR EACH ROW EXECUTE FUNCTION "SearchIndexQueue_InitiativeRenamed"();

                CREATE FUNCTION "SearchIndexQueue_Response"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchIndexQueue" VALUES ('R', NEW."Id") ON CONFLICT DO NOTHING;
                    PERFORM pg_notify('librarian_search', '');
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ResponseSearch_Published" AFTER INSERT ON "Responses"
                    FOR EACH ROW WHEN (NEW."Status" = 'Published') EXECUTE FUNCTION "SearchIndexQueue_Response"();
                CREATE TRIGGER "ResponseSearch_Changed" AFTER UPDATE OF "Status", "BodyMarkdown" ON "Responses"
                    FOR EACH ROW EXECUTE FUNCTION "SearchIndexQueue_Response"();
                """);

            // What is already there.
            migrationBuilder.Sql(
                """
                INSERT INTO "SearchIndexQueue" SELECT 'E', "Id" FROM "Exercises" ON CONFLICT DO NOTHING;
                INSERT INTO "SearchIndexQueue" SELECT 'R', "Id" FROM "Responses" WHERE "Status" = 'Published' ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TABLE IF EXISTS "SearchIndexQueue", "SearchIndexState", "ResponseSearch", "ExerciseSearch";
                DROP TRIGGER IF EXISTS "ExerciseSearch_Changed" ON "Exercises";
                DROP TRIGGER IF EXISTS "ExerciseSearch_TagLinks" ON "ExerciseTag";
                DROP TRIGGER IF EXISTS "ExerciseSearch_InitiativeLinks" ON "ExerciseInitiatives";
                DROP TRIGGER IF EXISTS "ExerciseSearch_TagRenamed" ON "Tags";
                DROP TRIGGER IF EXISTS "ExerciseSearch_InitiativeRenamed" ON "KeyInitiatives";
                DROP TRIGGER IF EXISTS "ResponseSearch_Published" ON "Responses";
                DROP TRIGGER IF EXISTS "ResponseSearch_Changed" ON "Responses";
                DROP FUNCTION IF EXISTS "SearchIndexQueue_Exercise"(), "SearchIndexQueue_Link"(), "SearchIndexQueue_TagRenamed"(),
                    "SearchIndexQueue_InitiativeRenamed"(), "SearchIndexQueue_Response"();
                DROP TEXT SEARCH CONFIGURATION IF EXISTS librarian;
                """);
        }
    }
}
