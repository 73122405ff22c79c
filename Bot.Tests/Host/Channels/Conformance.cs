using System.Diagnostics;

namespace Bot.Tests.Host.Channels;

/// <summary>Finds the Node conformance suite (Bot.Tests/Conformance, installed by scripts/test.sh) and runs its scripts.</summary>
public static class Conformance
{
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GovDoorplate.sln"))) return Path.Combine(dir.FullName, "Bot.Tests", "Conformance");
            }
            throw new InvalidOperationException("GovDoorplate.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static async Task<(int ExitCode, string Output)> RunNodeAsync(string script, string[] args, Dictionary<string, string> environment)
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")))
            throw new InvalidOperationException("Bot.Tests/Conformance/node_modules is missing: run ./scripts/test.sh (it runs npm ci there).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        return (process.HasExited ? process.ExitCode : -1, await output + await error);
    }
}
