using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ResponseCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DidExerciseCount",
                table: "Exercises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "HeldResponseCount",
                table: "Exercises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PublishedResponseCount",
                table: "Exercises",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Kept by triggers, like the search index, so that every writer keeps them: the stores, ExecuteDelete of
            // old spam, a restore from the audit trail, a tool filling the database.
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ResponseCounters_Insert" AFTER INSERT ON "Responses" BEGIN
                    {Add("NEW", "+")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ResponseCounters_Update" AFTER UPDATE OF "Status", "DidExercise", "ExerciseId" ON "Responses" BEGIN
                    {Add("OLD", "-")}
                    {Add("NEW", "+")}
                END;
                """);
            migrationBuilder.Sql(
                $"""
                CREATE TRIGGER "ResponseCounters_Delete" AFTER DELETE ON "Responses" BEGIN
                    {Add("OLD", "-")}
                END;
                """);

            // What is already there.
            migrationBuilder.Sql(
                """
                UPDATE "Exercises" SET
                    "PublishedResponseCount" = (SELECT COUNT(*) FROM "Responses" r WHERE r."ExerciseId" = "Exercises"."Id" AND r."Status" = 'Published'),
                    "DidExerciseCount" = (SELECT COUNT(*) FROM "Responses" r WHERE r."ExerciseId" = "Exercises"."Id" AND r."Status" = 'Published' AND r."DidExercise"),
                    "HeldResponseCount" = (SELECT COUNT(*) FROM "Responses" r WHERE r."ExerciseId" = "Exercises"."Id" AND r."Status" = 'Held');
                """);
        }

        /// <summary>The statement adding (or taking away) one response's part in its exercise's counters.</summary>
        private static string Add(string row, string sign) =>
            $"""
            UPDATE "Exercises" SET
                        "PublishedResponseCount" = "PublishedResponseCount" {sign} ({row}."Status" = 'Published'),
                        "DidExerciseCount" = "DidExerciseCount" {sign} ({row}."Status" = 'Published' AND {row}."DidExercise"),
                        "HeldResponseCount" = "HeldResponseCount" {sign} ({row}."Status" = 'Held')
                    WHERE "Id" = {row}."ExerciseId";
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ResponseCounters_Insert", "ResponseCounters_Update", "ResponseCounters_Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.DropColumn(
                name: "DidExerciseCount",
                table: "Exercises");

            migrationBuilder.DropColumn(
                name: "HeldResponseCount",
                table: "Exercises");

            migrationBuilder.DropColumn(
                name: "PublishedResponseCount",
                table: "Exercises");
        }
    }
}
