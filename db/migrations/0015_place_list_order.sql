DROP INDEX "detentions_place_idx";--> statement-breakpoint
CREATE INDEX "detentions_place_list_order_idx" ON "detentions" USING btree ("place_id","detained_on" DESC NULLS LAST,"id" DESC NULLS LAST);