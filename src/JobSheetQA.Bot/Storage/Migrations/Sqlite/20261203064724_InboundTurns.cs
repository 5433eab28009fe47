using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboundTurns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_turns",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    inbound_id = table.Column<string>(type: "TEXT", nullable: false),
                    conversation_key = table.Column<string>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_turns", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_turns_channel_inbound_id",
                table: "inbound_turns",
                columns: new[] { "channel", "inbound_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_turns_conversation_key_id",
                table: "inbound_turns",
                columns: new[] { "conversation_key", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_turns_state_next_attempt_at",
                table: "inbound_turns",
                columns: new[] { "state", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_turns");
        }
    }
}
