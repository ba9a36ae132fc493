using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <summary>
    /// The 2019–2024 edition's source note as the public strategy page shows it: without the sentence about names left
    /// for editors to fill in, which is the editors' business. A database seeded before keeps its copy of the note
    /// until this runs; one seeded after gets the new note from the file. The note is changed only where it is still
    /// the one the file first shipped.
    /// </summary>
    public partial class StrategySourceNote : Migration
    {
        private const string Sources =
            "IFLA''s strategy pages on ifla.org (ifla.org/strategy and the pages for Strategic Directions 1 and 3), and the strategy lines of the exercise posts on blogs.ifla.org/lpa.";

        private const string EditorsNote = " Names not found in any source are left empty for an editor to fill in.";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"UPDATE \"StrategyVersions\" SET \"Source\" = '{Sources}' WHERE \"Key\" = '2019-2024' AND \"Source\" = '{Sources}{EditorsNote}';");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql($"UPDATE \"StrategyVersions\" SET \"Source\" = '{Sources}{EditorsNote}' WHERE \"Key\" = '2019-2024' AND \"Source\" = '{Sources}';");
    }
}
