using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Tests.Storage;

public sealed class SqlStatementsTests
{
    [Theory]
    [InlineData("INSERT INTO \"audit_log\" (\"at\") VALUES (@p0) RETURNING \"id\";")]
    [InlineData("UPDATE \"inbound_turns\" AS \"i\"\nSET \"state\" = @p")]
    [InlineData("  \n DELETE FROM \"processed_inbound\" AS \"p\"")]
    [InlineData("insert or ignore into \"__EFMigrationsLock\"(\"Id\") values (1);")]
    [InlineData("REPLACE INTO t VALUES (1)")]
    [InlineData("-- a query tag\n-- and another\nUPDATE t SET a = 1")]
    [InlineData("/* a block comment */ DELETE FROM t")]
    [InlineData("WITH old AS (SELECT id FROM t) DELETE FROM t WHERE id IN (SELECT id FROM old)")]
    public void Row_writes_are_writes(string sql) => Assert.True(SqlStatements.Writes(sql));

    [Theory]
    [InlineData("SELECT \"i\".\"id\" FROM \"inbound_turns\" AS \"i\"")]
    [InlineData("PRAGMA journal_mode=WAL;")]
    [InlineData("CREATE TABLE \"audit_log\" (\"id\" INTEGER)")]
    [InlineData("INSERTED")]
    [InlineData("UPDATES")]
    [InlineData("-- UPDATE only in a comment")]
    [InlineData("/* DELETE only in a comment")]
    [InlineData("WITH recent AS (SELECT id FROM t) SELECT * FROM recent")]
    [InlineData("")]
    [InlineData(null)]
    public void Reads_schema_statements_and_pragmas_are_not(string? sql) => Assert.False(SqlStatements.Writes(sql));
}
