using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PendingProtectionReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pending_protection_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    repository = table.Column<string>(type: "text", nullable: false),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    environment = table.Column<string>(type: "text", nullable: false),
                    deployment_id = table.Column<long>(type: "bigint", nullable: false),
                    commit_sha = table.Column<string>(type: "text", nullable: false),
                    @ref = table.Column<string>(name: "ref", type: "text", nullable: false),
                    @event = table.Column<string>(name: "event", type: "text", nullable: false),
                    callback_url = table.Column<string>(type: "text", nullable: false),
                    sender_login = table.Column<string>(type: "text", nullable: false),
                    delivery = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    approved = table.Column<bool>(type: "boolean", nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    promotion_id = table.Column<string>(type: "text", nullable: true),
                    send_attempts = table.Column<int>(type: "integer", nullable: false),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending_protection_reviews", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pending_protection_reviews_run_id_environment_deployment_id",
                table: "pending_protection_reviews",
                columns: new[] { "run_id", "environment", "deployment_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pending_protection_reviews_state",
                table: "pending_protection_reviews",
                column: "state");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pending_protection_reviews");
        }
    }
}
