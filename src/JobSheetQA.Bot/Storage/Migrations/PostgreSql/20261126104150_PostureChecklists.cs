using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostureChecklists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "conversation_reference_id",
                table: "write_windows",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "posture_checklists",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    promotion_id = table.Column<string>(type: "text", nullable: false),
                    environment = table.Column<string>(type: "text", nullable: false),
                    commit_sha = table.Column<string>(type: "text", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_by_id = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    purge_execution_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    scheduler_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    database_read_only = table.Column<bool>(type: "boolean", nullable: false),
                    no_destructive_operations_scheduled = table.Column<bool>(type: "boolean", nullable: false),
                    monitoring_alerts_configured = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posture_checklists", x => x.id);
                    table.ForeignKey(
                        name: "FK_posture_checklists_promotions_promotion_id",
                        column: x => x.promotion_id,
                        principalTable: "promotions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_write_windows_conversation_reference_id",
                table: "write_windows",
                column: "conversation_reference_id");

            migrationBuilder.CreateIndex(
                name: "IX_posture_checklists_promotion_id",
                table: "posture_checklists",
                column: "promotion_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_write_windows_conversation_references_conversation_referenc~",
                table: "write_windows",
                column: "conversation_reference_id",
                principalTable: "conversation_references",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_write_windows_conversation_references_conversation_referenc~",
                table: "write_windows");

            migrationBuilder.DropTable(
                name: "posture_checklists");

            migrationBuilder.DropIndex(
                name: "IX_write_windows_conversation_reference_id",
                table: "write_windows");

            migrationBuilder.DropColumn(
                name: "conversation_reference_id",
                table: "write_windows");
        }
    }
}
