using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InboundTurnConversationStateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbound_turns_conversation_key_id",
                table: "inbound_turns");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_turns_conversation_key_state_id",
                table: "inbound_turns",
                columns: new[] { "conversation_key", "state", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbound_turns_conversation_key_state_id",
                table: "inbound_turns");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_turns_conversation_key_id",
                table: "inbound_turns",
                columns: new[] { "conversation_key", "id" });
        }
    }
}
