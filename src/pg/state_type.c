/*
 * state_type.c (glue): the type oba.agg_state, the transition state of the
 * aggregates whose state is an array of doubles.
 *
 * Its value is exactly a float8[] (an ArrayType of FLOAT8OID, the same bytes),
 * so the support functions read and write it as before, and a cast that
 * changes nothing turns it into a float8[] and back. Only its text form differs: float8[]
 * prints each element by float8out, which rounds to 15 significant digits
 * when extra_float_digits <= 0; a distributed engine (Citus) that ships a
 * partial state as text from a worker with such a setting would hand the
 * coordinator a different state. Here every element is printed in the
 * shortest form that reads back to the same double, whatever
 * extra_float_digits says (what float8out prints when it is above 0), so
 * text out and in again gives the same state, bit for bit (a NaN's sign and
 * payload aside: PostgreSQL has one NaN). The text form is that of a float8[]
 * ('{1,0.1,-0,NaN,Infinity}', with dimensions and NULLs as array_out writes
 * them), and the input reads any float8[] text, so '{0,0,0}' in an INITCOND
 * and the text of an old float8[] state are read as they always were.
 *
 * Copyright (C) 2026 the oba authors. GPL-2.0-or-later.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/fmgrprotos.h"

PG_FUNCTION_INFO_V1(oba_sql_agg_state_in);
PG_FUNCTION_INFO_V1(oba_sql_agg_state_out);
PG_FUNCTION_INFO_V1(oba_sql_agg_state_recv);
PG_FUNCTION_INFO_V1(oba_sql_agg_state_send);
PG_FUNCTION_INFO_V1(oba_sql_agg_state);

/*
 * Calls an array I/O function of the server for element type float8 with
 * this call's FmgrInfo (array_in, array_recv and array_send keep their
 * per-call cache in fn_extra, which nothing else here uses) and its context,
 * so a soft error (pg_input_is_valid) stays soft.
 */
static Datum
call_array_io(PGFunction fn, FunctionCallInfo fcinfo, Datum arg, int nargs)
{
	LOCAL_FCINFO(inner, 3);
	Datum		result;

	InitFunctionCallInfoData(*inner, fcinfo->flinfo, nargs, InvalidOid,
							 fcinfo->context, NULL);
	inner->args[0].value = arg;
	inner->args[0].isnull = false;
	inner->args[1].value = ObjectIdGetDatum(FLOAT8OID);
	inner->args[1].isnull = false;
	inner->args[2].value = Int32GetDatum(-1);
	inner->args[2].isnull = false;
	result = fn(inner);
	if (inner->isnull)
		elog(ERROR, "oba.agg_state: the array I/O function returned NULL");
	return result;
}

/* Text to state: any float8[] text; float8in reads the shortest form exactly. */
Datum
oba_sql_agg_state_in(PG_FUNCTION_ARGS)
{
	return call_array_io(array_in, fcinfo, PG_GETARG_DATUM(0), 3);
}

/* Binary to state: array_recv, which refuses an element type other than float8. */
Datum
oba_sql_agg_state_recv(PG_FUNCTION_ARGS)
{
	return call_array_io(array_recv, fcinfo, PG_GETARG_DATUM(0), 3);
}

/* State to binary: as a float8[] (the binary form is exact already). */
Datum
oba_sql_agg_state_send(PG_FUNCTION_ARGS)
{
	return call_array_io(array_send, fcinfo, PG_GETARG_DATUM(0), 1);
}

/*
 * State to text, as array_out would print a float8[] with extra_float_digits
 * above 0: braces per dimension, the dimensions first when a lower bound is
 * not 1, NULL for a null element, each number in its shortest exact form.
 */
Datum
oba_sql_agg_state_out(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	int			ndim = ARR_NDIM(a);
	const int  *dims = ARR_DIMS(a);
	const int  *lbs = ARR_LBOUND(a);
	const bits8 *nulls = ARR_NULLBITMAP(a);
	const char *data = ARR_DATA_PTR(a);
	int			index[MAXDIM];
	int			nitems;
	bool		decorate = false;
	StringInfoData buf;
	int			i;
	int			d;

	if (ARR_ELEMTYPE(a) != FLOAT8OID)
		elog(ERROR, "oba.agg_state: the array's element type is %u, not float8",
			 ARR_ELEMTYPE(a));
	if (ndim < 0 || ndim > MAXDIM)
		elog(ERROR, "oba.agg_state: the array has %d dimensions", ndim);
	nitems = ArrayGetNItems(ndim, dims);
	if (ndim == 0 || nitems == 0)
		PG_RETURN_CSTRING(pstrdup("{}"));

	initStringInfo(&buf);
	for (d = 0; d < ndim; d++)
		if (lbs[d] != 1)
			decorate = true;
	if (decorate)
	{
		for (d = 0; d < ndim; d++)
			appendStringInfo(&buf, "[%d:%d]", lbs[d], lbs[d] + dims[d] - 1);
		appendStringInfoChar(&buf, '=');
	}
	for (d = 0; d < ndim; d++)
	{
		index[d] = 0;
		appendStringInfoChar(&buf, '{');
	}
	for (i = 0; i < nitems; i++)
	{
		int			closed = 0;

		if ((i & 4095) == 4095)
			CHECK_FOR_INTERRUPTS();
		if (nulls != NULL && !(nulls[i / 8] & (1 << (i % 8))))
			appendBinaryStringInfo(&buf, "NULL", 4);
		else
		{
			double		v;

			memcpy(&v, data, sizeof(double));
			data += sizeof(double);
			/* NaN, Infinity, -Infinity, 0 and -0 are written by name */
			enlargeStringInfo(&buf, DOUBLE_SHORTEST_DECIMAL_LEN);
			buf.len += double_to_shortest_decimal_bufn(v, buf.data + buf.len);
			buf.data[buf.len] = '\0';
		}
		/* the next element's index: how many dimensions end here */
		for (d = ndim - 1; d >= 0; d--)
		{
			if (++index[d] < dims[d])
				break;
			index[d] = 0;
			closed++;
		}
		for (d = 0; d < closed; d++)
			appendStringInfoChar(&buf, '}');
		if (i + 1 < nitems)
		{
			appendStringInfoChar(&buf, ',');
			for (d = 0; d < closed; d++)
				appendStringInfoChar(&buf, '{');
		}
	}
	PG_RETURN_CSTRING(buf.data);
}

/*
 * The casts between float8[] and oba.agg_state: the same value. (A cast
 * WITHOUT FUNCTION would do, but PostgreSQL allows none to or from an array
 * type.)
 */
Datum
oba_sql_agg_state(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(PG_GETARG_DATUM(0));
}
