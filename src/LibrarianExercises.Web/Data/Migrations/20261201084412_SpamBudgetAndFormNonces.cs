using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LibrarianExercises.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpamBudgetAndFormNonces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FormNonce",
                table: "Responses",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InstanceSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstanceSecrets", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_ClientHash_Status_CreatedUtc",
                table: "Responses",
                columns: new[] { "ClientHash", "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Responses_FormNonce",
                table: "Responses",
                column: "FormNonce");

            migrationBuilder.CreateIndex(
                name: "IX_Responses_Status_CreatedUtc",
                table: "Responses",
                columns: new[] { "Status", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InstanceSecrets");

            migrationBuilder.DropIndex(
                name: "IX_Responses_ClientHash_Status_CreatedUtc",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_FormNonce",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Responses_Status_CreatedUtc",
                table: "Responses");

            migrationBuilder.DropColumn(
                name: "FormNonce",
                table: "Responses");
        }
    }
}
