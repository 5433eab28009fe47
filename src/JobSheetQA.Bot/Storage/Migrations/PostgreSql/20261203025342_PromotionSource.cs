using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JobSheetQA.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PromotionSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every promotion before this column came from chat.
            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "promotions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Chat");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "source",
                table: "promotions");
        }
    }
}
