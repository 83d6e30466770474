using Platform.MachineLearning.Federated.Privacy;

namespace Platform.MachineLearning.Tests.Federated.Privacy;

public sealed class UpdateClippingTests
{
    [Fact]
    public void An_update_over_the_clip_is_scaled_to_it_and_its_norm_before_is_returned()
    {
        float[] update = [3f, -4f, 0f];
        var norm = UpdateClipping.ClipL2(update, 1.0);

        Assert.Equal(5.0, norm, 12);
        Assert.Equal([0.6f, -0.8f, 0f], update, (a, b) => Math.Abs(a - b) <= 1e-6f); // a hair under: 0.6f² + 0.8f² is just over 1
        Assert.True(UpdateClipping.Norm(update) <= 1.0, $"the clipped norm is {UpdateClipping.Norm(update)}");
    }

    [Fact]
    public void An_update_within_the_clip_is_left_as_it_is()
    {
        float[] update = [0.1f, 0.2f];
        UpdateClipping.ClipL2(update, 1.0);
        Assert.Equal([0.1f, 0.2f], update);
    }

    [Fact]
    public void Float_rounding_never_leaves_a_clipped_update_over_the_clip()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var update = Enumerable.Range(0, 1 + random.Next(5000)).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();
            var clip = 0.01 + random.NextDouble();
            UpdateClipping.ClipL2(update, clip);
            Assert.True(UpdateClipping.Norm(update) <= clip, $"trial {trial}: norm {UpdateClipping.Norm(update):R} over the clip {clip:R}");
            Assert.True(UpdateClipping.Norm(update) >= clip * (1 - 1e-5), $"trial {trial}: clipped well under the clip");
        }
    }

    [Fact]
    public void A_non_finite_update_or_clip_is_refused()
    {
        Assert.Throws<ArgumentException>(() => UpdateClipping.ClipL2(new[] { 1f, float.NaN }, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UpdateClipping.ClipL2(new[] { 1f }, 0));
    }
}
