using System.Text.Json;
using Platform.Serving.State;

namespace Platform.Serving.Tests.State;

/// <summary>JSON null passes for any field, whatever its C# type: a state with nulls is refused naming them, never a 500.</summary>
public sealed class DesiredStateNullsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData("""{"endpoints":null}""", "endpoints")]
    [InlineData("""{"endpoints":[null]}""", "endpoints[0]")]
    [InlineData("""{"endpoints":[{"name":null,"versions":[{"version":"1","modelPath":"m.onnx","weight":1}]}]}""", "endpoints[0].name")]
    [InlineData("""{"endpoints":[{"name":"e","versions":null}]}""", "endpoints[0].versions")]
    [InlineData("""{"endpoints":[{"name":"e","versions":[null]}]}""", "endpoints[0].versions[0]")]
    [InlineData("""{"endpoints":[{"name":"e","versions":[{"version":null,"modelPath":null,"weight":1}]}]}""", "endpoints[0].versions[0].version")]
    public void A_null_is_named_as_a_fault(string state, string field)
    {
        var desired = JsonSerializer.Deserialize<DesiredServingState>(state, Json)!;

        var error = Assert.Throws<InvalidDesiredStateException>(() => DesiredStateValidator.EnsureValid(desired));

        Assert.Contains(field, error.Errors.Keys);
    }
}
