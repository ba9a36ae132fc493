using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The exercises' response counters, kept by a trigger as on SQLite, so that every writer keeps them: the stores,
    /// ExecuteDelete of old spam, a restore from the audit trail, a copy from another database, a tool filling it.
    /// </summary>
    public partial class ResponseCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                $"""
                CREATE FUNCTION "ResponseCounters"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        {Add("OLD", "-")}
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        {Add("NEW", "+")}
                    END IF;
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "ResponseCounters" AFTER INSERT OR DELETE OR UPDATE OF "Status", "DidExercise", "ExerciseId"
                    ON "Responses" FOR EACH ROW EXECUTE FUNCTION "ResponseCounters"();
                """);
        }

        /// <summary>The statement adding (or taking away) one response's part in its exercise's counters.</summary>
        private static string Add(string row, string sign) =>
            $"""
            UPDATE "Exercises" SET
                            "PublishedResponseCount" = "PublishedResponseCount" {sign} ({row}."Status" = 'Published')::int,
                            "DidExerciseCount" = "DidExerciseCount" {sign} ({row}."Status" = 'Published' AND {row}."DidExercise")::int,
                            "HeldResponseCount" = "HeldResponseCount" {sign} ({row}."Status" = 'Held')::int
                        WHERE "Id" = {row}."ExerciseId";
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ResponseCounters" ON "Responses";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "ResponseCounters"();""");
        }
    }
}
