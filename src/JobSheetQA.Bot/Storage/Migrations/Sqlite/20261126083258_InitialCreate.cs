using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<string>(type: "TEXT", nullable: true),
                    environment = table.Column<string>(type: "TEXT", nullable: true),
                    details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_references",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", nullable: false),
                    service_url = table.Column<string>(type: "TEXT", nullable: true),
                    team_id = table.Column<string>(type: "TEXT", nullable: true),
                    channel_id = table.Column<string>(type: "TEXT", nullable: true),
                    tenant_id = table.Column<string>(type: "TEXT", nullable: true),
                    bot_id = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    thread_id = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_references", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "environment_locks",
                columns: table => new
                {
                    environment = table.Column<string>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<string>(type: "TEXT", nullable: false),
                    held_by = table.Column<string>(type: "TEXT", nullable: false),
                    since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_environment_locks", x => x.environment);
                });

            migrationBuilder.CreateTable(
                name: "outbound_posts",
                columns: table => new
                {
                    idempotency_key = table.Column<string>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<string>(type: "TEXT", nullable: true),
                    conversation_reference_id = table.Column<long>(type: "INTEGER", nullable: true),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    reserved_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    posted_message_id = table.Column<string>(type: "TEXT", nullable: true),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbound_posts", x => x.idempotency_key);
                });

            migrationBuilder.CreateTable(
                name: "processed_inbound",
                columns: table => new
                {
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    inbound_id = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_inbound", x => new { x.channel, x.inbound_id });
                });

            migrationBuilder.CreateTable(
                name: "promotions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    environment = table.Column<string>(type: "TEXT", nullable: false),
                    @ref = table.Column<string>(name: "ref", type: "TEXT", nullable: false),
                    commit_sha = table.Column<string>(type: "TEXT", nullable: false),
                    skip_parity = table.Column<bool>(type: "INTEGER", nullable: false),
                    use_nightly_parity = table.Column<bool>(type: "INTEGER", nullable: false),
                    requester_channel = table.Column<string>(type: "TEXT", nullable: false),
                    requester_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    requester_display_name = table.Column<string>(type: "TEXT", nullable: false),
                    requester_email = table.Column<string>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    correlation_id = table.Column<string>(type: "TEXT", nullable: false),
                    run_id = table.Column<long>(type: "INTEGER", nullable: true),
                    run_url = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decision_verdict = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    decision_summary = table.Column<string>(type: "TEXT", nullable: true),
                    conversation_reference_id = table.Column<long>(type: "INTEGER", nullable: true),
                    status_card_message_id = table.Column<string>(type: "TEXT", nullable: true),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_promotions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staging_verifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    environment = table.Column<string>(type: "TEXT", nullable: false),
                    commit_sha = table.Column<string>(type: "TEXT", nullable: false),
                    verified_by = table.Column<string>(type: "TEXT", nullable: false),
                    verified_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    application_healthy = table.Column<bool>(type: "INTEGER", nullable: false),
                    smoke_tests_passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    key_functionality_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staging_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "write_windows",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    environment = table.Column<string>(type: "TEXT", nullable: false),
                    change_request = table.Column<string>(type: "TEXT", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", nullable: true),
                    reminder_sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    end_check_done_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_write_windows", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_reference_id = table.Column<long>(type: "INTEGER", nullable: false),
                    include_outcomes = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "FK_subscriptions_conversation_references_conversation_reference_id",
                        column: x => x.conversation_reference_id,
                        principalTable: "conversation_references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "acknowledgements",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    promotion_id = table.Column<string>(type: "TEXT", nullable: false),
                    requester_channel = table.Column<string>(type: "TEXT", nullable: false),
                    requester_user_id = table.Column<string>(type: "TEXT", nullable: false),
                    environment = table.Column<string>(type: "TEXT", nullable: false),
                    commit_sha = table.Column<string>(type: "TEXT", nullable: false),
                    rule_id = table.Column<string>(type: "TEXT", nullable: false),
                    phrase_expected = table.Column<string>(type: "TEXT", nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acknowledgements", x => x.id);
                    table.ForeignKey(
                        name: "FK_acknowledgements_promotions_promotion_id",
                        column: x => x.promotion_id,
                        principalTable: "promotions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gate_results",
                columns: table => new
                {
                    promotion_id = table.Column<string>(type: "TEXT", nullable: false),
                    step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    job_url = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gate_results", x => new { x.promotion_id, x.step });
                    table.ForeignKey(
                        name: "FK_gate_results_promotions_promotion_id",
                        column: x => x.promotion_id,
                        principalTable: "promotions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acknowledgements_promotion_id",
                table: "acknowledgements",
                column: "promotion_id");

            migrationBuilder.CreateIndex(
                name: "IX_acknowledgements_state_expires_at",
                table: "acknowledgements",
                columns: new[] { "state", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_promotion_id",
                table: "audit_log",
                column: "promotion_id");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_references_channel_conversation_id",
                table: "conversation_references",
                columns: new[] { "channel", "conversation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbound_posts_promotion_id",
                table: "outbound_posts",
                column: "promotion_id");

            migrationBuilder.CreateIndex(
                name: "IX_processed_inbound_received_at",
                table: "processed_inbound",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "IX_promotions_commit_sha",
                table: "promotions",
                column: "commit_sha");

            migrationBuilder.CreateIndex(
                name: "IX_promotions_correlation_id",
                table: "promotions",
                column: "correlation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_promotions_environment_created_at",
                table: "promotions",
                columns: new[] { "environment", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_promotions_state",
                table: "promotions",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "IX_staging_verifications_commit_sha_environment",
                table: "staging_verifications",
                columns: new[] { "commit_sha", "environment" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_conversation_reference_id",
                table: "subscriptions",
                column: "conversation_reference_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_write_windows_environment_ends_at",
                table: "write_windows",
                columns: new[] { "environment", "ends_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acknowledgements");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "environment_locks");

            migrationBuilder.DropTable(
                name: "gate_results");

            migrationBuilder.DropTable(
                name: "outbound_posts");

            migrationBuilder.DropTable(
                name: "processed_inbound");

            migrationBuilder.DropTable(
                name: "staging_verifications");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "write_windows");

            migrationBuilder.DropTable(
                name: "promotions");

            migrationBuilder.DropTable(
                name: "conversation_references");
        }
    }
}
