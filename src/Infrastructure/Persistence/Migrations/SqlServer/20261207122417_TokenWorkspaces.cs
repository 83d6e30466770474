using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>A personal access token may be scoped to some of its owner's workspaces.</summary>
    public partial class TokenWorkspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkspaceIds",
                table: "AccessTokens",
                type: "varchar(740)",
                unicode: false,
                maxLength: 740,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WorkspaceIds",
                table: "AccessTokens");
        }
    }
}
