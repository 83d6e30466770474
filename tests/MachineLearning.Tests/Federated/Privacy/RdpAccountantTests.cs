using Platform.MachineLearning.Federated.Privacy;

namespace Platform.MachineLearning.Tests.Federated.Privacy;

/// <summary>The accountant against the Gaussian mechanism's closed form, a numerical integral of the Rényi divergence, and TensorFlow Privacy's published values.</summary>
public sealed class RdpAccountantTests
{
    [Theory]
    [InlineData(1.1, 1)]
    [InlineData(0.7, 30)]
    [InlineData(4.0, 1000)]
    public void With_every_site_sampled_the_rdp_is_the_gaussian_mechanisms_closed_form_times_the_rounds(double z, int rounds)
    {
        var accountant = new RdpAccountant();
        accountant.Add(1.0, z, rounds);

        for (var i = 0; i < RdpAccountant.Orders.Count; i++)
        {
            var alpha = RdpAccountant.Orders[i];
            Assert.Equal(alpha / (2 * z * z) * rounds, accountant.Rdp[i]); // exactly: RDP(α) = α / (2z²), T rounds add up
        }
    }

    [Theory]
    [InlineData(0.01, 2.5)]
    [InlineData(0.1, 1.0)]
    [InlineData(0.5, 0.8)]
    [InlineData(0.001, 0.5)]
    [InlineData(0.2, 4.0)]
    public void The_binomial_expansion_agrees_with_a_numerical_integral_of_the_renyi_divergence(double q, double sigma)
    {
        foreach (var alpha in new[] { 2, 3, 5, 8, 16, 32, 50, 100, 128, 256 })
        {
            var expected = RenyiIntegral.Rdp(alpha, q, sigma);
            var actual = SampledGaussianRdp.At(alpha, q, sigma);
            Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected) + 1e-15, $"RDP({alpha}) at q = {q}, σ = {sigma}: {actual}, the integral gives {expected}");
        }
    }

    [Fact]
    public void Fifty_steps_at_q_001_and_z_25_match_tensorflow_privacys_published_rdp()
    {
        // google/differential-privacy, python/dp_accounting/dp_accounting/rdp/rdp_privacy_accountant_test.py,
        // test_compute_rdp_poisson_sampled_gaussian: orders [1.5, 2.5, 5, 50, 100, inf], q = 0.01, σ = 2.5, count = 50 →
        // [6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02, inf] (checked there to rtol 1e-4).
        // The integer orders among them are 5, 50 and 100.
        var accountant = new RdpAccountant();
        accountant.Add(0.01, 2.5, 50);

        foreach (var (alpha, published) in new[] { (5, 2.18075656e-03), (50, 2.38460375e-02), (100, 1.67416308e02) })
        {
            var actual = accountant.Rdp[alpha - RdpAccountant.MinOrder];
            Assert.True(Math.Abs(actual - published) <= 1e-7 * published, $"RDP({alpha}) = {actual}, TensorFlow Privacy publishes {published}");
        }
    }

    [Fact]
    public void Epsilon_is_the_minimum_over_the_orders_of_the_standard_conversion_of_the_integrals_rdp()
    {
        const double Q = 0.05, Z = 1.1, Delta = 1e-5;
        const int Rounds = 200;
        var accountant = new RdpAccountant();
        accountant.Add(Q, Z, Rounds);

        var expected = RdpAccountant.Orders.Min(alpha => (RenyiIntegral.Rdp(alpha, Q, Z) * Rounds) + (Math.Log(1 / Delta) / (alpha - 1)));
        Assert.Equal(expected, accountant.Epsilon(Delta), 8);
        Assert.InRange(accountant.BestOrder(Delta), 3, 255); // an interior optimum: the orders did not run out
    }

    [Fact]
    public void At_q_1_epsilon_is_the_closed_forms_minimum_over_integer_orders()
    {
        var accountant = new RdpAccountant();
        accountant.Add(1.0, 2.0, 10);

        // T/(2z²)·α + log(1/δ)/(α − 1) = 1.25α + 13.8155/(α − 1): the integers around the real optimum 1 + √(13.8155/1.25) = 4.32.
        var byHand = Math.Min((1.25 * 4) + (Math.Log(1e6) / 3), (1.25 * 5) + (Math.Log(1e6) / 4));
        Assert.Equal(byHand, accountant.Epsilon(1e-6), 12);
    }

    [Fact]
    public void Rounds_compose_by_adding_and_epsilon_grows_with_them()
    {
        var (once, split) = (new RdpAccountant(), new RdpAccountant());
        once.Add(0.1, 1.0, 30);
        split.Add(0.1, 1.0, 10);
        split.Add(0.2, 1.5, 5);
        split.Add(0.1, 1.0, 20);

        var extra = RdpAccountant.Orders.Select(a => SampledGaussianRdp.At(a, 0.2, 1.5) * 5).ToArray();
        Assert.All(RdpAccountant.Orders.Select((_, i) => i), i => Assert.Equal(once.Rdp[i] + extra[i], split.Rdp[i], 1e-12 * split.Rdp[i]));
        Assert.True(split.Epsilon(1e-5) > once.Epsilon(1e-5), "more rounds spent less privacy");
    }

    [Fact]
    public void Epsilon_if_added_says_what_the_next_rounds_would_cost_without_spending_it()
    {
        var accountant = new RdpAccountant();
        accountant.Add(0.1, 1.0, 10);
        var before = accountant.Epsilon(1e-5);

        var ifAdded = accountant.EpsilonIfAdded(0.1, 1.0, 5, 1e-5);
        Assert.Equal(before, accountant.Epsilon(1e-5)); // nothing spent
        accountant.Add(0.1, 1.0, 5);
        Assert.Equal(ifAdded, accountant.Epsilon(1e-5));
    }

    [Fact]
    public void A_resumed_accountant_gives_the_same_epsilon_to_the_last_bit_and_keeps_a_short_history()
    {
        var live = new RdpAccountant();
        for (var round = 0; round < 100; round++)
        {
            live.Add(round < 60 ? 0.1 : 0.05, 1.2);
        }

        Assert.Equal([new RdpStep(0.1, 1.2, 60), new RdpStep(0.05, 1.2, 40)], live.History);
        var json = System.Text.Json.JsonSerializer.Serialize(live.History);
        var resumed = new RdpAccountant(System.Text.Json.JsonSerializer.Deserialize<RdpStep[]>(json)!);
        Assert.Equal(live.Epsilon(1e-5), resumed.Epsilon(1e-5));
        Assert.Equal(live.Rdp, resumed.Rdp);
    }

    [Fact]
    public void Nothing_spent_is_epsilon_0_and_a_round_that_samples_nobody_spends_nothing()
    {
        var accountant = new RdpAccountant();
        Assert.Equal(0, accountant.Epsilon(1e-5));
        accountant.Add(0, 1.0, 10);
        Assert.Equal(0, accountant.Epsilon(1e-5));
    }

    [Fact]
    public void Large_orders_and_little_noise_stay_finite()
    {
        var accountant = new RdpAccountant();
        accountant.Add(0.5, 0.3, 1000);
        Assert.All(accountant.Rdp, r => Assert.True(double.IsFinite(r) && r > 0, $"an RDP of {r}"));
        Assert.True(double.IsFinite(accountant.Epsilon(1e-5)));
    }

    [Fact]
    public void Nonsense_parameters_are_refused_by_name()
    {
        var accountant = new RdpAccountant();
        Assert.Equal("samplingRate", Assert.Throws<ArgumentOutOfRangeException>(() => accountant.Add(1.5, 1.0)).ParamName);
        Assert.Equal("noiseMultiplier", Assert.Throws<ArgumentOutOfRangeException>(() => accountant.Add(0.1, 0)).ParamName);
        Assert.Equal("rounds", Assert.Throws<ArgumentOutOfRangeException>(() => accountant.Add(0.1, 1, -1)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => accountant.Epsilon(0)).ParamName);
    }
}
