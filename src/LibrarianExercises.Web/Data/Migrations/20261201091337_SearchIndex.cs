using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <summary>
        /// The full-text index of exercises and published responses (SQLite FTS5), kept in step by triggers, so that
        /// every writer keeps it whatever it is. No model change: the tables are SQLite's own, read by raw SQL.
        /// The triggers and the first fill call search_words and search_markdown, which the app gives every connection
        /// it opens (Services/Search/SearchFunctions): the index holds the text as a reader sees it, not the stored
        /// Markdown, with the characters of scripts written without spaces set apart (Services/Search/SearchText).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // unicode61 folds case and removes accents (remove_diacritics 2), so "bibliotheque" finds "Bibliothèque";
            // prefix indexes make "partner"* quick.
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ExerciseSearch" USING fts5(
                    "Title", "Body", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                """);
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ResponseSearch" USING fts5(
                    "Body", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                """);

            // Exercises: every one is indexed; whether it may be shown (retired or not) is asked of the table at search time.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ExerciseSearch_Insert" AFTER INSERT ON "Exercises" BEGIN
                    INSERT INTO "ExerciseSearch" (rowid, "Title", "Body")
                    VALUES (NEW."Id", search_words(NEW."Title"), search_markdown(NEW."BodyMarkdown"));
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ExerciseSearch_Update" AFTER UPDATE OF "Title", "BodyMarkdown" ON "Exercises" BEGIN
                    DELETE FROM "ExerciseSearch" WHERE rowid = OLD."Id";
                    INSERT INTO "ExerciseSearch" (rowid, "Title", "Body")
                    VALUES (NEW."Id", search_words(NEW."Title"), search_markdown(NEW."BodyMarkdown"));
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ExerciseSearch_Delete" AFTER DELETE ON "Exercises" BEGIN
                    DELETE FROM "ExerciseSearch" WHERE rowid = OLD."Id";
                END;
                """);

            // Responses: only published ones are in the index, so held and spam text is never there to be found.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ResponseSearch_Insert" AFTER INSERT ON "Responses" WHEN NEW."Status" = 'Published' BEGIN
                    INSERT INTO "ResponseSearch" (rowid, "Body") VALUES (NEW."Id", search_markdown(NEW."BodyMarkdown"));
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ResponseSearch_Update" AFTER UPDATE OF "Status", "BodyMarkdown" ON "Responses" BEGIN
                    DELETE FROM "ResponseSearch" WHERE rowid = OLD."Id";
                    INSERT INTO "ResponseSearch" (rowid, "Body")
                    SELECT NEW."Id", search_markdown(NEW."BodyMarkdown") WHERE NEW."Status" = 'Published';
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ResponseSearch_Delete" AFTER DELETE ON "Responses" BEGIN
                    DELETE FROM "ResponseSearch" WHERE rowid = OLD."Id";
                END;
                """);

            // What is already there.
            migrationBuilder.Sql(
                """
                INSERT INTO "ExerciseSearch" (rowid, "Title", "Body")
                SELECT "Id", search_words("Title"), search_markdown("BodyMarkdown") FROM "Exercises";
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO "ResponseSearch" (rowid, "Body")
                SELECT "Id", search_markdown("BodyMarkdown") FROM "Responses" WHERE "Status" = 'Published';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ExerciseSearch_Insert", "ExerciseSearch_Update", "ExerciseSearch_Delete", "ResponseSearch_Insert", "ResponseSearch_Update", "ResponseSearch_Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ResponseSearch\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ExerciseSearch\";");
        }
    }
}
