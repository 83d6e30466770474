using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Messaging;

namespace Platform.Infrastructure.Tests.Messaging;

/// <summary>The bus as every process composes it sends nothing to MassTransit's vendor: usage telemetry is off, on either transport.</summary>
public sealed class BusSetupTests
{
    [Theory]
    [InlineData("InMemory")]
    [InlineData("RabbitMq")]
    public void Usage_telemetry_is_off(string transport)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Transport"] = transport }).Build();
        using var services = new ServiceCollection().AddLogging().AddPlatformBus(configuration).BuildServiceProvider();

        Assert.False(services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, "MassTransit usage telemetry is on");
    }
}
