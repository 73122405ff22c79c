using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Bot.Host.Errors;
using Bot.Knowledge.Seed;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Bot.Host.Hosting;

/// <summary>Configuration sources, API conventions and start-up failure reporting of the web process.</summary>
internal static class HostingSetup
{
    /// <summary>
    /// Loads <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c> from the repository root (copied next to the
    /// binaries by the build) underneath every other source, so environment variables and the command line still win.
    /// </summary>
    public static WebApplicationBuilder AddRootConfiguration(this WebApplicationBuilder builder)
    {
        var directory = AppContext.BaseDirectory;
        var environment = builder.Environment.EnvironmentName;
        var sources = builder.Configuration.Sources;
        sources.Insert(0, Json(directory, "appsettings.json"));
        sources.Insert(1, Json(directory, $"appsettings.{environment}.json"));
        return builder;
    }

    private static JsonConfigurationSource Json(string directory, string name) => new()
    {
        Path = name,
        Optional = true,
        ReloadOnChange = false,
        FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(directory),
    };

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return services;
    }

    /// <summary>Runs the host; a bad configuration or knowledge seed ends it with a message naming the key or file and exit code 1.</summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or SeedValidationException || IsUnreadableSetting(e))
        {
            app.Logger.StartupFailed(e.Message);
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// The configuration binder's "Failed to convert configuration value 'Oracle' at 'Store:Provider' to type …": it
    /// names the key and the value, which is all the operator needs; the stack trace is not.
    /// </summary>
    private static bool IsUnreadableSetting(Exception e) =>
        e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);
}
