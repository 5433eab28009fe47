using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ProductionPosture : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posture_checklists_promotion_id",
                table: "posture_checklists");

            migrationBuilder.AddColumn<string>(
                name: "managed_flags",
                table: "write_windows",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "next_restore_at",
                table: "write_windows",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_values",
                table: "write_windows",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "restore_attempts",
                table: "write_windows",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "restore_error",
                table: "write_windows",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "restored_at",
                table: "write_windows",
                type: "timestamp with time zone",
                nullable: true);

            // Every checklist before this column was asked after a production success (runbook §3.2 step 4).
            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "posture_checklists",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "AfterDeploy");

            migrationBuilder.CreateIndex(
                name: "IX_posture_checklists_promotion_id_stage",
                table: "posture_checklists",
                columns: new[] { "promotion_id", "stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posture_checklists_promotion_id_stage",
                table: "posture_checklists");

            migrationBuilder.DropColumn(
                name: "managed_flags",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "next_restore_at",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "previous_values",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "restore_attempts",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "restore_error",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "restored_at",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "posture_checklists");

            migrationBuilder.CreateIndex(
                name: "IX_posture_checklists_promotion_id",
                table: "posture_checklists",
                column: "promotion_id",
                unique: true);
        }
    }
}
