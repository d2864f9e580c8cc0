using System.Data;
using System.Data.Common;

namespace ShopService.Reports;

/// <summary>
/// Append-only audit trail. Written with raw ADO.NET because it predates the EF model
/// and has to work against whatever connection the host hands in.
/// </summary>
public sealed class AdoNetAuditLog
{
    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS AuditLog (
            Id INTEGER PRIMARY KEY AUTOINCREMENT,
            At TEXT NOT NULL,
            Category TEXT NOT NULL,
            Message TEXT NOT NULL)
        """;

    private const string InsertSql = "INSERT INTO AuditLog (At, Category, Message) VALUES (@at, @category, @message)";

    private readonly DbConnection _connection;

    public AdoNetAuditLog(DbConnection connection)
    {
        _connection = connection;
    }

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await EnsureOpenAsync(ct);
        await using var command = _connection.CreateCommand();
        command.CommandText = SchemaSql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task WriteAsync(string category, string message, CancellationToken ct)
    {
        await EnsureOpenAsync(ct);
        await using var command = _connection.CreateCommand();
        command.CommandText = InsertSql;
        AddParameter(command, "@at", DateTime.UtcNow.ToString("O"));
        AddParameter(command, "@category", category);
        AddParameter(command, "@message", message);
        command.ExecuteNonQuery(); // PERF001
    }

    public async Task WriteBatchAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await EnsureOpenAsync(ct);
        await using var command = _connection.CreateCommand();
        var sql = "INSERT INTO AuditLog (At, Category, Message) VALUES ";
        for (var i = 0; i < entries.Count; i++)
        {
            var separator = i == 0 ? "" : ", ";
            sql = $"{sql}{separator}(@at{i}, @category{i}, @message{i})"; // PERF030
            AddParameter(command, $"@at{i}", entries[i].At.ToString("O"));
            AddParameter(command, $"@category{i}", entries[i].Category);
            AddParameter(command, $"@message{i}", entries[i].Message);
        }

        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    public IReadOnlyDictionary<string, long> CountByCategory(IEnumerable<string> categories)
    {
        EnsureOpen();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditLog WHERE Category = @category";
        var parameter = AddParameter(command, "@category", "");

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            parameter.Value = category;
            counts[category] = Convert.ToInt64(command.ExecuteScalar()); // PERF010
        }

        return counts;
    }

    private void EnsureOpen()
    {
        if (_connection.State == ConnectionState.Open)
        {
            return;
        }

        try
        {
            _connection.Open();
        }
        catch (DbException)
        {
            // The audit database lives on a share that occasionally needs a moment after wake-up.
            Thread.Sleep(TimeSpan.FromMilliseconds(250));
            _connection.Open();
        }
    }

    private async Task EnsureOpenAsync(CancellationToken ct)
    {
        if (_connection.State != ConnectionState.Open)
        {
            await _connection.OpenAsync(ct);
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
