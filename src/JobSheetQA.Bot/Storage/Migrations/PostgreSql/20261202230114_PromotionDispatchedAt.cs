using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PromotionDispatchedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "dispatched_at",
                table: "promotions",
                type: "timestamp with time zone",
                nullable: true);

            // Promotions dispatched before this column existed: their dispatch time is in the audit log.
            migrationBuilder.Sql(
                """
                UPDATE promotions SET dispatched_at = (
                    SELECT MAX(a."at") FROM audit_log a WHERE a.promotion_id = promotions.id AND a.action = 'promotion.dispatched')
                WHERE dispatched_at IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "dispatched_at",
                table: "promotions");
        }
    }
}
