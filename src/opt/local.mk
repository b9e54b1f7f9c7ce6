# Optimizer passes (src/opt/), one file per pass.
