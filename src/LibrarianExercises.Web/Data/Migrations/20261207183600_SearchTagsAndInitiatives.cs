using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchTagsAndInitiatives : Migration
    {
        // Every trigger's name has "Search" in it: bench/run.sh drops and restores the search triggers by that name.
        private static readonly string[] Triggers =
        [
            "ExerciseSearch_Insert", "ExerciseSearch_Update", "ExerciseSearch_Delete",
            "ExerciseSearch_TagLinked", "ExerciseSearch_TagUnlinked", "ExerciseSearch_TagRelinked", "ExerciseSearch_TagRenamed",
            "ExerciseSearch_InitiativeLinked", "ExerciseSearch_InitiativeUnlinked", "ExerciseSearch_InitiativeRelinked", "ExerciseSearch_InitiativeRenamed",
        ];

        /// <summary>
        /// An exercise's labels join its title and text in the index: the names of its tags and of the key initiatives
        /// it serves, each initiative's name in English and in every translation the site ships
        /// (search_initiative_names, Services/Search/SearchFunctions). The index gets a third column, so it is made
        /// again and filled from the tables; triggers on the tags, the initiatives and the links between them keep the
        /// labels in step, whatever writes them. No model change: the tables are SQLite's own, read by raw SQL.
        /// SearchIndexState keeps what the labels were made with (the translations' fingerprint), so that a release
        /// with other translations indexes the names again at start-up (Services/Search/SearchIndex, RefreshLabelsAsync).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ExerciseSearch_Insert", "ExerciseSearch_Update", "ExerciseSearch_Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ExerciseSearch\";");
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ExerciseSearch" USING fts5(
                    "Title", "Body", "Labels", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                """);

            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_Insert" AFTER INSERT ON "Exercises" BEGIN
                    INSERT INTO "ExerciseSearch" (rowid, "Title", "Body", "Labels")
                    VALUES (NEW."Id", search_words(NEW."Title"), search_markdown(NEW."BodyMarkdown"), {Labels("NEW.\"Id\"")});
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ExerciseSearch_Update" AFTER UPDATE OF "Title", "BodyMarkdown" ON "Exercises" BEGIN
                    UPDATE "ExerciseSearch" SET "Title" = search_words(NEW."Title"), "Body" = search_markdown(NEW."BodyMarkdown")
                    WHERE rowid = NEW."Id";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ExerciseSearch_Delete" AFTER DELETE ON "Exercises" BEGIN
                    DELETE FROM "ExerciseSearch" WHERE rowid = OLD."Id";
                END;
                """);

            // Tags: an exercise gains or loses one, or a tag is renamed.
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_TagLinked" AFTER INSERT ON "ExerciseTag" BEGIN
                    {Relabel("NEW.\"ExerciseId\"")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_TagUnlinked" AFTER DELETE ON "ExerciseTag" BEGIN
                    {Relabel("OLD.\"ExerciseId\"")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_TagRelinked" AFTER UPDATE ON "ExerciseTag" BEGIN
                    {Relabel("OLD.\"ExerciseId\"")}
                    {Relabel("NEW.\"ExerciseId\"")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_TagRenamed" AFTER UPDATE OF "Name" ON "Tags" BEGIN
                    UPDATE "ExerciseSearch" SET "Labels" = {Labels("\"ExerciseSearch\".rowid")}
                    WHERE rowid IN (SELECT "ExerciseId" FROM "ExerciseTag" WHERE "TagId" = NEW."Id");
                END;
                """);

            // Initiatives: an exercise is linked to one or unlinked, or an initiative is named or renamed.
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_InitiativeLinked" AFTER INSERT ON "ExerciseInitiatives" BEGIN
                    {Relabel("NEW.\"ExerciseId\"")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_InitiativeUnlinked" AFTER DELETE ON "ExerciseInitiatives" BEGIN
                    {Relabel("OLD.\"ExerciseId\"")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_InitiativeRelinked" AFTER UPDATE OF "ExerciseId", "KeyInitiativeId" ON "ExerciseInitiatives" BEGIN
                    {Relabel("OLD.\"ExerciseId\"")}
                    {Relabel("NEW.\"ExerciseId\"")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ExerciseSearch_InitiativeRenamed" AFTER UPDATE OF "Name" ON "KeyInitiatives" BEGIN
                    UPDATE "ExerciseSearch" SET "Labels" = {Labels("\"ExerciseSearch\".rowid")}
                    WHERE rowid IN (SELECT "ExerciseId" FROM "ExerciseInitiatives" WHERE "KeyInitiativeId" = NEW."Id");
                END;
                """);

            migrationBuilder.Sql(
                $"""
                INSERT INTO "ExerciseSearch" (rowid, "Title", "Body", "Labels")
                SELECT "Id", search_words("Title"), search_markdown("BodyMarkdown"), {Labels("\"Exercises\".\"Id\"")} FROM "Exercises";
                """);

            migrationBuilder.Sql(
                """
                CREATE TABLE "SearchIndexState" ("Name" TEXT NOT NULL PRIMARY KEY, "Value" TEXT NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchIndexState\";");
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS \"ExerciseSearch\";");
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE "ExerciseSearch" USING fts5(
                    "Title", "Body", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
                """);
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
            migrationBuilder.Sql(
                """
                INSERT INTO "ExerciseSearch" (rowid, "Title", "Body")
                SELECT "Id", search_words("Title"), search_markdown("BodyMarkdown") FROM "Exercises";
                """);
        }

        /// <summary>The labels of the exercise with this id: its tags' names, then its initiatives' names in every language.</summary>
        private static string Labels(string exerciseId) =>
            $"""
            search_words(coalesce((SELECT group_concat(t."Name", char(10)) FROM "ExerciseTag" et JOIN "Tags" t ON t."Id" = et."TagId" WHERE et."ExerciseId" = {exerciseId}), ''))
                || char(10) ||
                coalesce((SELECT group_concat(search_initiative_names(k."Name"), char(10)) FROM "ExerciseInitiatives" ei JOIN "KeyInitiatives" k ON k."Id" = ei."KeyInitiativeId" WHERE ei."ExerciseId" = {exerciseId}), '')
            """;

        private static string Relabel(string exerciseId) =>
            $"""UPDATE "ExerciseSearch" SET "Labels" = {Labels(exerciseId)} WHERE rowid = {exerciseId};""";
    }
}
