using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialExercisesNotPublished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Exercises_RetiredUtc_Number",
                table: "Exercises");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_RetiredUtc_Number_BodyIsExcerpt",
                table: "Exercises",
                columns: new[] { "RetiredUtc", "Number", "BodyIsExcerpt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Exercises_RetiredUtc_Number_BodyIsExcerpt",
                table: "Exercises");

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_RetiredUtc_Number",
                table: "Exercises",
                columns: new[] { "RetiredUtc", "Number" });
        }
    }
}
