using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <summary>
    /// A form's nonce becomes a unique key, so that the database refuses a second response with one form whichever
    /// process sends it. Before, a replay held for review was stored with the nonce of the form it reused: each such
    /// later response (by id) gives its nonce up first, and stays stored, held as it was.
    /// </summary>
    public partial class FormUsedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Responses" SET "FormNonce" = NULL
                WHERE "FormNonce" IS NOT NULL
                  AND EXISTS (SELECT 1 FROM "Responses" AS "Earlier"
                              WHERE "Earlier"."FormNonce" = "Responses"."FormNonce" AND "Earlier"."Id" < "Responses"."Id");
                """);

            migrationBuilder.DropIndex(
                name: "IX_Responses_FormNonce",
                table: "Responses");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_FormNonce",
                table: "Responses",
                column: "FormNonce",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_FormNonce",
                table: "Responses");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_FormNonce",
                table: "Responses",
                column: "FormNonce");
        }
    }
}
