using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RunHeadShaAndFailure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "failure",
                table: "promotions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "failure_gate",
                table: "promotions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "run_head_sha",
                table: "promotions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failure",
                table: "promotions");

            migrationBuilder.DropColumn(
                name: "failure_gate",
                table: "promotions");

            migrationBuilder.DropColumn(
                name: "run_head_sha",
                table: "promotions");
        }
    }
}
