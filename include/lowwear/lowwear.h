/* lowwear: the umbrella header, every subject of the public API (combinational
 * circuits to low-wear stateful-logic programs for one memristor-crossbar
 * row): opaque handles, one entry point per stage, their params and stats. */
#ifndef LOWWEAR_H
#define LOWWEAR_H

#include "lowwear/abc.h"
#include "lowwear/bench.h"
#include "lowwear/device.h"
#include "lowwear/flow.h"
#include "lowwear/heatmap.h"
#include "lowwear/io.h"
#include "lowwear/names.h"
#include "lowwear/options.h"
#include "lowwear/process.h"
#include "lowwear/program.h"
#include "lowwear/rotate.h"
#include "lowwear/status.h"
#include "lowwear/sweep.h"
#include "lowwear/synth.h"
#include "lowwear/verify.h"
#include "lowwear/version.h"
#include "lowwear/wear.h"
#include "lowwear/wear_run.h"

#endif
