using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Tests.Infrastructure;

/// <summary>The real host, in memory, with settings layered over the repository's appsettings.json and, optionally, its clock and services replaced.</summary>
public sealed class GovDoorplateFactory(
    IReadOnlyDictionary<string, string?> settings,
    TimeProvider? time = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(replace =>
        {
            if (time is not null) replace.Replace(ServiceDescriptor.Singleton(time));
            services?.Invoke(replace);
        });
    }
}
