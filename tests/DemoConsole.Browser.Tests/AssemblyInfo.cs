// Each browser test class runs its own console and Chromium; side by side on two cores they would mostly measure
// the machine's contention, so they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
