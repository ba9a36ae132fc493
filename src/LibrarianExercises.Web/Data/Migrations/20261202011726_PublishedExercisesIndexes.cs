using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedExercisesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Exercises_RetiredUtc_Number",
                table: "Exercises",
                columns: new[] { "RetiredUtc", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Exercises_RetiredUtc_PublishedOn_Number",
                table: "Exercises",
                columns: new[] { "RetiredUtc", "PublishedOn", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Exercises_RetiredUtc_Number",
                table: "Exercises");

            migrationBuilder.DropIndex(
                name: "IX_Exercises_RetiredUtc_PublishedOn_Number",
                table: "Exercises");
        }
    }
}
