using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>
/// A throwaway PostgreSQL cluster started from the machine's server binaries (initdb, pg_ctl) in a temp folder, on a
/// free 127.0.0.1 port with trust auth; stopped and deleted on dispose. As root (CI) the server runs as the
/// <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime, IStorageTestDatabase
{
    private const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. "
        + "Install the 'postgresql' apt package (sudo apt-get install postgresql), or run ./test.sh, which installs it.";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private string binDirectory = "";
    private string root = "";
    private string dataDirectory = "";
    private bool started;
    private int port;

    public async Task InitializeAsync()
    {
        binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(InstallHint);
        // As root the server runs as postgres, which must reach the folder: /tmp is traversable, a TMPDIR under /root may not be.
        root = IsRoot()
            ? Directory.CreateDirectory(Path.Combine("/tmp", "jobsheetqa-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName
            : Directory.CreateTempSubdirectory("jobsheetqa-pg-").FullName;
        dataDirectory = Path.Combine(root, "data");
        var socketDirectory = Path.Combine(root, "sock");
        Directory.CreateDirectory(socketDirectory);
        if (IsRoot())
            await RunAsync("chown", ["-R", "postgres:postgres", root], asPostgres: false);

        await RunAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);

        // Every test has its own database and pool, and the parallel tests open 20 connections at once: idle pooled
        // connections of earlier tests would exhaust the default 100 slots ("too many clients already").
        // A free port can be taken between asking and binding; try a few.
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            var settings = $"-c listen_addresses=127.0.0.1 -p {port} -k {socketDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
            try
            {
                await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
                    ["-D", dataDirectory, "-l", Path.Combine(root, "server.log"), "-o", settings, "-w", "-t", "60", "start"], asPostgres: true);
                started = true;
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
            catch (InvalidOperationException exception)
            {
                var log = File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : "";
                throw new InvalidOperationException($"{exception.Message}\nserver.log:\n{log}", exception);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (started)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }

        if (root.Length > 0)
            Directory.Delete(root, recursive: true);
    }

    /// <summary>A new, empty database in the cluster.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "jobsheetqa_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public async Task<StorageTestHost> StartAsync() =>
        await StorageTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = await CreateDatabaseAsync(),
        });

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = database,
        // Each test database is dropped with the cluster; connections must not outlive it in the pool for long.
        ConnectionIdleLifetime = 10,
    }.ToString();

    private static string? FindBinDirectory()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(directory, "initdb");
            if (File.Exists(initdb) && File.Exists(Path.Combine(directory, "pg_ctl")))
                return Path.GetDirectoryName(ResolveLinks(initdb));
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
            return null;
        return Directory.GetDirectories(debianRoot)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static bool IsRoot() => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        if (asPostgres && IsRoot())
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
                start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
    }
}
