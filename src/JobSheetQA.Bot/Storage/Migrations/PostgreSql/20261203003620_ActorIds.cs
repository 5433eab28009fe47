using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ActorIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "closed_by_id",
                table: "write_windows",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "opened_by_id",
                table: "write_windows",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "verified_by_id",
                table: "staging_verifications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "actor_id",
                table: "audit_log",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "closed_by_id",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "opened_by_id",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "verified_by_id",
                table: "staging_verifications");

            migrationBuilder.DropColumn(
                name: "actor_id",
                table: "audit_log");
        }
    }
}
